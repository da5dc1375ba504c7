/** Half of the fixed model-based money runs (see support/money-model-suite.ts). */
import { describeMoneyModel } from './support/money-model-suite';

describeMoneyModel({ seed: 20261202, numRuns: 100 });
