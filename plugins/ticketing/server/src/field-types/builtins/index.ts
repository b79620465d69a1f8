import type { FieldType } from '../types';
import { booleanFieldType } from './boolean';
import { dateFieldType } from './date';
import { dateTimeFieldType } from './date-time';
import { enumFieldType } from './enum';
import { imagesFieldType } from './images';
import { integerFieldType } from './integer';
import { multiEnumFieldType } from './multi-enum';
import { numberFieldType } from './number';
import { phoneFieldType } from './phone';
import { stringFieldType } from './string';
import { textFieldType } from './text';

export {
  booleanFieldType,
  dateFieldType,
  dateTimeFieldType,
  enumFieldType,
  imagesFieldType,
  integerFieldType,
  multiEnumFieldType,
  numberFieldType,
  phoneFieldType,
  stringFieldType,
  textFieldType,
};

/** The field types every install has, in the order the field designer lists them. */
export const builtinFieldTypes: FieldType[] = [
  stringFieldType,
  textFieldType,
  integerFieldType,
  numberFieldType,
  booleanFieldType,
  enumFieldType,
  multiEnumFieldType,
  dateFieldType,
  dateTimeFieldType,
  phoneFieldType,
  imagesFieldType,
];
