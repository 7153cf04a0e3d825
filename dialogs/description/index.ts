export { readDescription, looksLikeDescription, factCount, MAX_DESCRIPTION_LENGTH, type DescriptionReading } from './readDescription.js';
