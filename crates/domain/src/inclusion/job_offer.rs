//! Job offers, the work profile of a person, and how the two are matched.

crate::id_type!(JobOfferId);
crate::id_type!(ProposalId);
crate::id_type!(RecruitingDayId);
