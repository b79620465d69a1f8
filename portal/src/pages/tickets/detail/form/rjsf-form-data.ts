import { useRef } from 'react';
import type { FormValues } from '../../../../services/ticket';
import { sameValue } from './conflict';

/**
 * The `formData` to give RJSF, so that its own edits are not handed back to it. The page keeps
 * the values (drafts, save, conflicts) and passes them down again after every change; RJSF would
 * take each of them as news from outside and work the whole form out once more (conditions,
 * defaults) on every keystroke. So RJSF keeps the data it was last given while the values are
 * the ones it emitted, and gets a value only when it comes from elsewhere — the stored ticket,
 * a save's answer, a reload, a discarded draft. RJSF adopts a new `formData` only when it differs
 * from the previous one; when the outside value equals what RJSF was given before (a discarded
 * edit), `generation` changes so that the form is mounted afresh with it.
 */
export function useRjsfFormData(form: FormValues) {
  const emitted = useRef<FormValues | undefined>(undefined);
  const given = useRef({ data: form, generation: 0 });
  if (form !== emitted.current && form !== given.current.data) {
    const unnoticed = sameValue(form, given.current.data) && emitted.current !== undefined && !sameValue(form, emitted.current);
    given.current = { data: form, generation: given.current.generation + (unnoticed ? 1 : 0) };
  }
  return {
    formData: given.current.data,
    generation: given.current.generation,
    /** Call with each value RJSF emits, before passing it up. */
    emit: (values: FormValues) => {
      emitted.current = values;
    },
  };
}
