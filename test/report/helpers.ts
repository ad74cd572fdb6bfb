// The seed's Analysis for report tests: the real pipeline's, from the one shared seed helper.
export { seedAnalysis, SEED_PATH, SEED_SOURCE } from '../seed.ts';
