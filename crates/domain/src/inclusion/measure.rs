//! Support measures, budget lines and disbursements, and the rules that refuse them.
