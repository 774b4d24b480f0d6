//! Employers: VAT number, ATECO sector, sites, contact, and their needs survey.

crate::id_type!(EmployerId);
crate::id_type!(EmployerSurveyId);
