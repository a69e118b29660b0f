// A deliberate violation of the core's family order: dense/ must not import svd/.
import { svd } from '../../../../src/core/svd/svd';

export const upward = svd;
