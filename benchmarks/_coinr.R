# COINr's side of benchmarks/peers.py, figure (e): one timed run on the same cohort.
#
#   Rscript benchmarks/_coinr.R SCORES.csv IMETA.csv MAIN_IDS BANDS RANKS_OUT.csv
#
# Reads the wide score table (agency,group,<leaf id>...) and COINr's indicator
# metadata (outside the timer), then times what a COINr user runs: new_coin()
# from iData/iMeta, Aggregate() with a row sum over the same tree, get_results()
# (the table of aggregates with their ranks), the bands of the total and the
# dense ranks (higher first) of the main indices and the total within each
# agency group. Prints one JSON line {"seconds": S, "version": V} and writes
# each agency's total and total rank to RANKS_OUT.csv.

args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(COINr))

scores <- read.csv(args[1], check.names = FALSE, colClasses = c(agency = "character", group = "character"))
iMeta <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = "NA")
main <- strsplit(args[3], ",", fixed = TRUE)[[1]]
root <- main[1]
bands <- do.call(rbind, strsplit(strsplit(args[4], ",", fixed = TRUE)[[1]], ":", fixed = TRUE))
band_ids <- rev(bands[, 1])
band_lowers <- rev(as.numeric(bands[, 2]))
leaves <- iMeta$iCode[iMeta$Type == "Indicator"]
iData <- data.frame(uCode = scores$agency, scores[leaves], check.names = FALSE)

# A sum-like aggregation: COINr calls it on each aggregation group's data frame (by_df = TRUE).
a_sum <- function(x) rowSums(x)
dense <- function(v) match(v, sort(unique(v), decreasing = TRUE))

start <- Sys.time()
coin <- new_coin(iData, iMeta, quietly = TRUE)
coin <- suppressMessages(Aggregate(coin, dset = "Raw", f_ag = "a_sum", w = "none", by_df = TRUE))
results <- get_results(coin, dset = "Aggregated", tab_type = "Aggs", nround = 9)
aggregated <- get_dset(coin, "Aggregated")
group <- scores$group[match(aggregated$uCode, scores$agency)]
ranks <- lapply(aggregated[main], function(column) ave(column, group, FUN = dense))
band <- band_ids[findInterval(aggregated[[root]], band_lowers)]
seconds <- as.numeric(Sys.time() - start, units = "secs")

write.csv(data.frame(agency = aggregated$uCode, total = sprintf("%.9f", aggregated[[root]]), rank = ranks[[root]]),
          args[5], row.names = FALSE)
cat(sprintf('{"seconds": %.6f, "version": "%s", "agencies": %d, "bands": %d}\n',
            seconds, as.character(packageVersion("COINr")), nrow(aggregated), length(unique(band))))
