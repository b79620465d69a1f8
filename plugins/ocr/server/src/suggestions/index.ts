export { suggestFields } from './suggest-fields';
export { LabelMatcher, type LabelMatch, type MatchKind } from './label-matcher';
export { normalizeLabel } from './label-normalizer';
export type {
  Leftover,
  OcrImageInput,
  OcrLineInput,
  FieldReader,
  Point,
  Quad,
  SuggestInput,
  Suggestion,
  SuggestionField,
  SuggestionSource,
  SuggestResult,
  UnparsedSuggestion,
} from './types';
