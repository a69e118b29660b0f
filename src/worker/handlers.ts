/** The table of job handlers the worker runs: one entry per job kind of `JobMap`. */
import type { HandlerTable } from './protocol';
import { runSvdJob } from './svdJob';
import { runRandomSpectrumJob } from './randomSpectrumJob';
import { runParseTextJob } from './parseTextJob';
import { runEmbeddingsJob } from './embeddingsJob';
import { runLoadArrayJob, runOpenFileJob, runOpenUrlJob } from './fileJobs';
import { runAttentionJob } from './attentionJob';
import { runCompareJob } from './compareJob';
import { runExportJob } from './exportJob';
import { runHoldMatrixPartJob } from './heldMatrices';
import { runWeightedJob } from './weightedJob';
import { runTensorJob } from './tensorJob';
import { runTtRowsJob } from './ttRowsJob';
import { runTtExportJob } from './ttExportJob';
import { runWeightedExportJob } from './weightedExportJob';

export const handlers: HandlerTable = {
  svd: runSvdJob,
  randomSpectrum: runRandomSpectrumJob,
  parseText: runParseTextJob,
  loadEmbeddings: runEmbeddingsJob,
  openFile: runOpenFileJob,
  openUrl: runOpenUrlJob,
  loadArray: runLoadArrayJob,
  attentionHead: runAttentionJob,
  compareSubspaces: runCompareJob,
  exportFactors: runExportJob,
  holdMatrixPart: runHoldMatrixPartJob,
  weightedRace: runWeightedJob,
  tensorDecompose: runTensorJob,
  ttRows: runTtRowsJob,
  exportTensorTrain: runTtExportJob,
  exportWeighted: runWeightedExportJob,
};
