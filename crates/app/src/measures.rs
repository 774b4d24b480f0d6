//! Support measures: budget lines, disbursements computed from attendance and rules, approval, statements.
