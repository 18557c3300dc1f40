// Process exit codes: 0 clean, 1 errors found in the input, 2 bad usage or unreadable input.

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
