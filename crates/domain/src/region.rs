//! The regions of the SOLEIL network: the tenant boundary of every record.

crate::text_enum! {
    /// A partner region, by a short code used in URLs and demo accounts.
    RegionCode { Laz, Tos, Abr, Mar, Mol }
}

impl RegionCode {
    /// ISTAT code of the region (codice regione).
    pub fn istat_code(self) -> &'static str {
        match self {
            Self::Tos => "09",
            Self::Mar => "11",
            Self::Laz => "12",
            Self::Abr => "13",
            Self::Mol => "14",
        }
    }

    /// The region's name, which is the same in Italian and English.
    pub fn name(self) -> &'static str {
        match self {
            Self::Laz => "Lazio",
            Self::Tos => "Toscana",
            Self::Abr => "Abruzzo",
            Self::Mar => "Marche",
            Self::Mol => "Molise",
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Region {
    pub code: RegionCode,
    pub istat_code: &'static str,
    pub name: &'static str,
}

impl From<RegionCode> for Region {
    fn from(code: RegionCode) -> Self {
        Self {
            code,
            istat_code: code.istat_code(),
            name: code.name(),
        }
    }
}
