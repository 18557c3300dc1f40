// An error the lab explains to the user in its own words (requirements, a lab in the way, a bad plan): printed without a stack.
export class LabError extends Error {}

/** A refusal caused by what the user asked for (a --dir or --name the lab may not use): exit 2, like every usage error. */
export class LabUsageError extends LabError {}
