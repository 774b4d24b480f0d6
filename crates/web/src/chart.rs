//! Charts drawn on the server as SVG, so that they need no script and print
//! as they show. A chart is never the only way to read its figures: every
//! one stands beside a table with the same numbers and a CSV of them, and
//! names itself to screen readers by its title and description.
//!
//! Only the geometry is computed here; `templates/partials/chart.html`
//! draws it, so that every text in it is escaped like any page's.

/// The chart's coordinate system, in SVG user units.
const WIDTH: u32 = 720;
/// Where the bars start: the labels are right-aligned before it.
const BARS_X: u32 = 240;
/// The longest bar, leaving room after it for its value.
const BARS_LENGTH: u32 = 380;
const ROW_HEIGHT: u32 = 34;
const BAR_HEIGHT: u32 = 20;

/// Horizontal bars, one row per item, with an optional second, lighter bar
/// behind each (a 90th percentile behind a median) and an optional marker
/// (a target).
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Unique in the page: the title's and description's ids derive from it.
    pub id: String,
    pub title: String,
    /// What the chart shows, in one sentence, for screen readers.
    pub description: String,
    pub width: u32,
    pub height: u32,
    pub rows: Vec<BarRow>,
    /// What the bars, the lighter bars and the markers stand for.
    pub legend: Vec<LegendItem>,
}

/// One row of a [`BarChart`], placed.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// The figure written after the bar.
    pub value: String,
    /// The top of the row.
    pub y: u32,
    /// The baseline of the row's texts.
    pub text_y: u32,
    pub bar_y: u32,
    pub bar_height: u32,
    pub bar_length: u32,
    /// The lighter bar behind, if any.
    pub back_length: Option<u32>,
    /// Where the marker stands, if any.
    pub marker_x: Option<u32>,
    /// Where the value is written: after the longest bar or marker.
    pub value_x: u32,
}

/// What one mark of the chart means.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub label: String,
    /// `bar`, `back` or `marker`: the class that draws it.
    pub mark: &'static str,
}

/// The figures of one row, before they are placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub label: String,
    pub value: String,
    pub bar: f64,
    pub back: Option<f64>,
    pub marker: Option<f64>,
}

impl BarChart {
    /// Places the rows on a common scale: the largest figure of any row
    /// (bar, lighter bar or marker) spans the whole length.
    pub fn new(
        id: &str,
        title: String,
        description: String,
        figures: Vec<Figures>,
        legend: Vec<LegendItem>,
    ) -> Self {
        let largest = figures
            .iter()
            .flat_map(|f| [Some(f.bar), f.back, f.marker])
            .flatten()
            .fold(0.0_f64, f64::max);
        let length = |value: f64| -> u32 {
            if largest <= 0.0 || value <= 0.0 {
                return 0;
            }
            // At least a sliver, so a small figure still shows as a bar.
            let scaled = (value / largest * f64::from(BARS_LENGTH)).round().max(2.0);
            // Bounded by BARS_LENGTH, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let scaled = scaled.min(f64::from(BARS_LENGTH)) as u32;
            scaled
        };
        let rows: Vec<BarRow> = figures
            .into_iter()
            .zip(0u32..)
            .map(|(figures, index)| {
                let y = index * ROW_HEIGHT;
                let bar_length = length(figures.bar);
                let back_length = figures.back.map(length);
                let marker_x = figures.marker.map(|m| BARS_X + length(m));
                let reach = [
                    Some(BARS_X + bar_length),
                    back_length.map(|l| BARS_X + l),
                    marker_x,
                ]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(BARS_X);
                BarRow {
                    label: figures.label,
                    value: figures.value,
                    y,
                    text_y: y + ROW_HEIGHT / 2 + 5,
                    bar_y: y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                    bar_height: BAR_HEIGHT,
                    bar_length,
                    back_length,
                    marker_x,
                    value_x: reach + 8,
                }
            })
            .collect();
        let height = u32::try_from(rows.len())
            .unwrap_or(u32::MAX)
            .saturating_mul(ROW_HEIGHT)
            .max(ROW_HEIGHT);
        Self {
            id: id.to_owned(),
            title,
            description,
            width: WIDTH,
            height,
            rows,
            legend,
        }
    }

    /// Where the labels end: they are right-aligned here.
    pub fn label_x(&self) -> u32 {
        BARS_X - 10
    }

    pub fn bars_x(&self) -> u32 {
        BARS_X
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(label: &str, bar: f64, back: Option<f64>, marker: Option<f64>) -> Figures {
        Figures {
            label: label.into(),
            value: bar.to_string(),
            bar,
            back,
            marker,
        }
    }

    #[test]
    fn the_largest_figure_spans_the_whole_length() {
        let chart = BarChart::new(
            "t",
            "T".into(),
            "D".into(),
            vec![
                figures("a", 10.0, Some(20.0), Some(40.0)),
                figures("b", 40.0, None, None),
                figures("c", 0.0, None, None),
                figures("d", 0.01, None, None),
            ],
            Vec::new(),
        );
        let a = &chart.rows[0];
        assert_eq!(
            (a.bar_length, a.back_length, a.marker_x),
            (95, Some(190), Some(BARS_X + 380))
        );
        assert_eq!(a.value_x, BARS_X + 380 + 8);
        assert_eq!(chart.rows[1].bar_length, 380);
        assert_eq!(chart.rows[2].bar_length, 0);
        // A figure too small to draw still shows.
        assert_eq!(chart.rows[3].bar_length, 2);
        assert_eq!(chart.rows[1].y, ROW_HEIGHT);
        assert_eq!(chart.height, 4 * ROW_HEIGHT);
    }

    #[test]
    fn an_empty_chart_draws_no_bar() {
        let chart = BarChart::new(
            "e",
            "E".into(),
            "D".into(),
            vec![figures("a", 0.0, None, None)],
            Vec::new(),
        );
        assert_eq!(chart.rows[0].bar_length, 0);
        assert_eq!(chart.height, ROW_HEIGHT);
    }
}
