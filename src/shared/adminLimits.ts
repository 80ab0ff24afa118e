// What the admin API accepts for the organisation, enrolment codes and tablets, and what the
// admin screens check before sending: one definition, so a form never lets through what the
// server then refuses (or refuses what it would accept). Framework-free, no I/O.

/** A trust's, CSU's or unit's name. */
export const ORG_NAME_MAX = 120
/** The note on an enrolment code ("for the night staff's tablet"). */
export const CODE_LABEL_MAX = 120
export const CODE_HOURS_DEFAULT = 72
/** 30 days. */
export const CODE_HOURS_MAX = 720
/** The name a tablet gives itself when it enrols. */
export const DEVICE_NAME_MAX = 80
