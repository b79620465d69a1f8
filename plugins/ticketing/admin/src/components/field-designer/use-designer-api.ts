import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { FieldDefinition, FieldTypeInfo, Locale, Preview } from './types';

/** The registered field types, fetched once per designer. */
export function useFieldTypes(): FieldTypeInfo[] {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<FieldTypeInfo[]>([]);
  useEffect(() => {
    get<{ data: { types: FieldTypeInfo[] } }>('/ticketing/field-types').then(
      (res) => setTypes(res.data.data.types),
      () => setTypes([]),
    );
  }, [get]);
  return types;
}

/** The server's view of the fields being edited: the form they give, or what is wrong. */
export function usePreview(fields: FieldDefinition[], locale: Locale): Preview | null {
  const { post } = useFetchClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    // debounced: one request after the admin stops typing
    const timer = setTimeout(() => {
      post<{ data: Preview }>(`/ticketing/form-preview?locale=${locale}`, { fields }).then(
        (res) => setPreview(res.data.data),
        (error: Error) => setPreview({ issues: [{ field: '(preview)', path: '', message: error.message }] }),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [fields, locale, post]);
  return preview;
}
