import ocrResult from './ocr-result';

export default { 'ocr-result': ocrResult };
