//! Employers: VAT number, ATECO sector, sites, contact, and their needs survey.
