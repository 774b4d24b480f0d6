//! Work placements (internship, apprenticeship, employment) and their follow-ups.

crate::id_type!(WorkPlacementId);
crate::id_type!(FollowUpId);
