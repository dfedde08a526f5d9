module workbook/benchmarks/tlvgo

go 1.19
