/** Time units used across src/failures (internal; not re-exported). A year is 365 days, as in
 * Backblaze's AFR and in the "525,600 minutes" of the headline claim. */
export const HOURS_PER_YEAR = 8760;
export const MINUTES_PER_YEAR = 525600;
export const MINUTES_PER_HOUR = 60;
export const HOURS_PER_DAY = 24;
export const DAYS_PER_YEAR = 365;
