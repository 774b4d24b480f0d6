//! Labs and courses: sessions, enrolments, attendance and completion.

crate::id_type!(CourseId);
crate::id_type!(SessionId);
crate::id_type!(EnrolmentId);
