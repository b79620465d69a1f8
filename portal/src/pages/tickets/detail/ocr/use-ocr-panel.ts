import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../../api/api-error';
import { fieldOrder, fieldSchemasOf, type TypeSchema } from '../../../../services/schema-types';
import type { FormValues, Ticket } from '../../../../services/ticket';
import { mapServerErrors, type MappedErrors } from '../form/server-errors';
import { usePhotos } from '../photos/photo-queries';
import { useApplyOcr, useOcrJob, useOcrResults, useOcrSuggestions, useStartOcr } from './ocr-queries';
import { acceptAll, acceptedValues, jobProgress, suggestionRows, type Choices, type SuggestionRow } from './ocr-suggestions';

interface Options {
  ticket: Ticket;
  typeSchema: TypeSchema;
  /** The form's values as shown (the current values of the suggestion rows). */
  form: FormValues;
  /** The form has unsaved edits: applying is held back until they are saved or discarded. */
  dirty: boolean;
}

const NO_ERRORS: MappedErrors = { errorSchema: {}, general: [] };
/** The scope value that reads every photo of the ticket. */
export const ALL_PHOTOS = '__all__';

/** The messages of a mapped 400 per top-level field. */
const fieldMessages = (errors: MappedErrors): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(errors.errorSchema as Record<string, { __errors?: string[] }>).map(([field, node]) => [field, node.__errors ?? []]),
  );

/**
 * The OCR panel's state: the job it started and its progress, the photo shown and the
 * hovered suggestion's source on it, the suggestion rows with the user's choices, and the
 * apply with its refused fields.
 */
export function useOcrPanel({ ticket, typeSchema, form, dirty }: Options) {
  const id = ticket.documentId;
  const photos = usePhotos(id);
  const results = useOcrResults(id);
  const suggestions = useOcrSuggestions(id);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useOcrJob(id, jobId);
  const start = useStartOcr(id);
  const apply = useApplyOcr(id);
  const [scope, setScope] = useState<string>(ALL_PHOTOS);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<SuggestionRow | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);

  // new readings, new decisions; the same readings in another language keep them (a refetch
  // with the same answer keeps the same data object)
  const readings = useMemo(
    () => JSON.stringify(suggestions.data?.data.map((s) => [s.field, s.value, s.raw, s.confidence, s.unsure, s.source]) ?? null),
    [suggestions.data],
  );
  useEffect(() => {
    setChoices({});
    setErrors(NO_ERRORS);
  }, [readings]);

  const properties = useMemo(() => fieldSchemasOf(typeSchema.schema), [typeSchema]);
  const order = useMemo(() => fieldOrder(typeSchema.schema, typeSchema.uiSchema), [typeSchema]);
  const labels = useMemo(() => Object.fromEntries(order.map((f) => [f, properties[f]?.title])), [order, properties]);
  const rows = useMemo(
    () => suggestionRows(suggestions.data?.data ?? [], form, order, labels),
    [suggestions.data, form, order, labels],
  );
  const values = acceptedValues(rows, choices, properties);
  const count = Object.keys(values).length;

  const progress = jobProgress(job.data);
  const busy = start.isPending || progress.active;
  const photoList = photos.data ?? [];
  const shownId = hovered?.source.image ?? selected ?? results.data?.[0]?.image.id ?? photoList[0]?.id;
  const shownResult = results.data?.find((r) => r.image.id === shownId);
  const shownPhoto = photoList.find((p) => p.id === shownId);
  const highlight = hovered && hovered.source.image === shownId ? { box: hovered.source.box, lines: hovered.source.lines } : null;

  const choose = (field: string, choice: Choices[string]) => {
    setChoices((prev) => ({ ...prev, [field]: choice }));
    // a refused value's message goes once the user changes it
    setErrors((prev) => {
      const kept = Object.entries(prev.errorSchema as Record<string, unknown>).filter(([key]) => key !== field);
      return { ...prev, errorSchema: Object.fromEntries(kept) as MappedErrors['errorSchema'] };
    });
  };

  const startJob = () => {
    if (busy) return; // no second job while one runs
    start.mutate(scope === ALL_PHOTOS ? undefined : [scope], { onSuccess: (started) => setJobId(started.documentId) });
  };

  const applyAccepted = () => {
    if (count === 0 || dirty || apply.isPending) return;
    setErrors(NO_ERRORS);
    apply.mutate(
      { values, version: ticket.version },
      {
        onSuccess: () => setChoices({}),
        onError: (error) => {
          if (isApiError(error, 'http', 400)) setErrors(mapServerErrors(error, Object.keys(properties)));
        },
      },
    );
  };

  return {
    photos,
    photoList,
    results,
    suggestions,
    job: job.data,
    progress,
    busy,
    scope,
    setScope,
    shown: { id: shownId, result: shownResult, photo: shownPhoto, highlight },
    showPhoto: setSelected,
    hover: setHovered,
    rows,
    properties,
    choices,
    choose,
    acceptAll: () => setChoices((prev) => acceptAll(rows, prev)),
    clearChoices: () => setChoices({}),
    count,
    fieldErrors: fieldMessages(errors),
    generalErrors: errors.general,
    startJob,
    applyAccepted,
    applying: apply.isPending,
  };
}
