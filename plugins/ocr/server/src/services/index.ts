import ocrJobs from './ocr-jobs';
import results from './results';
import suggestions from './suggestions';

export default { 'ocr-jobs': ocrJobs, results, suggestions };
