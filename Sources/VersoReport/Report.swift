enum VersoReportPlaceholder {}
