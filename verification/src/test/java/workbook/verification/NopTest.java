package workbook.verification;
class NopTest { @org.junit.jupiter.api.Test void t() {} }
