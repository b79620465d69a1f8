/** The phone texts (issue 21), kept apart so their authors do not edit the same lines. */
export const phoneZhCN = {
  'phone.placeholder': 'phone',
} as const;

export const phoneEn: Record<keyof typeof phoneZhCN, string> = {
  'phone.placeholder': 'phone',
};
