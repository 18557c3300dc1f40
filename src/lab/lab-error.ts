// An error the lab explains to the user in its own words (requirements, a lab in the way, a bad plan): printed without a stack.
export class LabError extends Error {}
