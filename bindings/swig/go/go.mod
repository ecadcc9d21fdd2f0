module banmian

go 1.19
