//! Support measures, budget lines and disbursements, and the rules that refuse them.

crate::id_type!(BudgetLineId);
crate::id_type!(DisbursementId);
