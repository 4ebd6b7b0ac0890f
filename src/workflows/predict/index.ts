/**
 * The token GitHub would issue for each deploy job and trigger: the public surface of src/workflows/predict/. Pure.
 */
export { FILTER_DOC, filterList, passes, sampleNames } from './filter.js';
export {
  type ClaimVariant,
  claimsForRef,
  DEFAULT_AWS_AUDIENCE,
  FORK_DOC,
  fillRef,
  jobKey,
  type PredictContext,
  type PredictedExchange,
  predictToken,
  predictTokens,
  type RepositoryFacts,
  refType,
  type TokenPrediction,
} from './predict.js';
export {
  coveringGlobs,
  DEFAULT_BRANCH_UNKNOWN,
  describeSpace,
  EVENTS_DOC,
  inSpace,
  predictRefs,
  type RefPrediction,
  type RefSpace,
  sampleRefs,
} from './refs.js';
export {
  escapeValue,
  type Predicted,
  REF,
  REF_TYPE,
  type RepositoryIdentity,
  renderSubject,
  repoSegment,
  type SubjectTemplate,
  subjectContext,
} from './subject.js';
