export * from './learningTogether'
export * from './requests'
