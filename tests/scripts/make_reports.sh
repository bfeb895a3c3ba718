#!/usr/bin/env bash
# make_reports.sh DIR COUNT: writes COUNT small synthetic reports into DIR (in 20 folders), each
# with the marker word "corpusmarker", a unique word "reportNNNNN" and ~3 KB of words drawn from a
# fixed vocabulary. Needs only bash and awk (a minimal Debian has both).
set -euo pipefail
dir=$1
count=$2
mkdir -p "$dir"
awk -v dir="$dir" -v count="$count" 'BEGIN {
  srand(42)
  n = split("espionage intrusion telecom router firmware ministry agency botnet phishing " \
            "Volt Typhoon Salt Norway Belgium Netherlands China Russia Iran Fortinet Ivanti " \
            "assessment network credential exploit campaign infrastructure operator malware " \
            "government defence energy utilities satellite diplomat parliament election", words, " ")
  for (i = 1; i <= count; i++) {
    folder = sprintf("%s/f%02d", dir, i % 20)
    if (!(folder in made)) { system("mkdir -p \"" folder "\""); made[folder] = 1 }
    file = sprintf("%s/report%05d.txt", folder, i)
    line = sprintf("Report %d corpusmarker report%05d\n", i, i)
    for (w = 0; w < 400; w++) line = line words[int(rand() * n) + 1] ((w % 12 == 11) ? "\n" : " ")
    printf "%s\n", line > file
    close(file)
  }
}'
