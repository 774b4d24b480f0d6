//! Labs: courses, their sessions, enrolment of persons from their plans, attendance, completion and certificates.
