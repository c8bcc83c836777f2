/**
 * Technical lengths of time (timeouts, lifetimes, rates), defined once. They are fixed spans:
 * never use `msPerDay` to count a legal day, which is a calendar day in a zone (support/legal-time.ts).
 */
export const msPerSecond = 1000;
export const msPerMinute = 60 * msPerSecond;
export const msPerHour = 60 * msPerMinute;
/** 24 hours exactly: a technical day (key overlap, a bootstrap token's life), not a legal one. */
export const msPerDay = 24 * msPerHour;
export const secondsPerHour = msPerHour / msPerSecond;
export const secondsPerDay = msPerDay / msPerSecond;
