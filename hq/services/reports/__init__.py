"""Chain reports: daily rollups kept by an incremental job, the summary, RFM segments and cohorts."""
