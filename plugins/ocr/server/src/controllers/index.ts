import ocr from './ocr';

export default { ocr };
