/** The one place where the engine's data becomes words: explanations, warnings and the 公示's vocabulary. */
export { explanationLines, explanationText, stepText } from './explanation';
export { replayVerdict } from './replay';
export { warningText } from './warnings';
export * from './words';
