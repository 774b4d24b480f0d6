//! Phase 3 of the pathway, inclusion: labs and their attendance, the
//! support measures paid from budget lines, employers, job offers matched to
//! persons, and work placements with their follow-ups.

pub mod course;
pub mod employer;
pub mod job_offer;
pub mod measure;
pub mod money;
pub mod work_placement;
