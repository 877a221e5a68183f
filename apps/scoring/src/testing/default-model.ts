import { defaultModelFile, loadScoringModelFile } from '../models/model-file';

/** The shipped default model, loaded as the service loads it at boot. */
export const DEFAULT_SCORING_MODEL = loadScoringModelFile(defaultModelFile());
