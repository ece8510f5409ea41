package org.carecourse.billing.superbill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.carecourse.billing.account.api.Insured;

/** Prints a superbill on US Letter pages, a new page when the lines run past the bottom margin. */
public final class SuperbillPdf {

    private static final float MARGIN = 54;
    private static final float LEADING = 14;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private SuperbillPdf() {
    }

    private record Row(String text, boolean bold) {
    }

    public static byte[] render(Superbill bill) {
        List<Row> rows = rows(bill);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int next = 0;
            while (next < rows.size()) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    text.beginText();
                    text.newLineAtOffset(MARGIN, y);
                    while (next < rows.size() && y > MARGIN) {
                        Row row = rows.get(next++);
                        text.setFont(row.bold() ? BOLD : REGULAR, row.bold() ? 12 : 10);
                        text.showText(printable(row.text()));
                        text.newLineAtOffset(0, -LEADING);
                        y -= LEADING;
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> rows(Superbill bill) {
        BillingProfile clinic = bill.clinic();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("SUPERBILL - statement for insurance reimbursement", true));
        rows.add(new Row(clinic.legalName(), true));
        rows.add(new Row(clinic.address() + (clinic.phone() == null ? "" : "   Tel. " + clinic.phone()), false));
        rows.add(new Row("NPI " + clinic.npi() + "   TIN " + clinic.tin(), false));
        BillingProfile.Provider provider = clinic.renderingProvider();
        rows.add(new Row("Rendering provider: " + provider.name() + (provider.credentials() == null ? "" : ", " + provider.credentials())
                + "   NPI " + provider.npi(), false));
        rows.add(new Row("", false));
        rows.add(new Row("Invoice " + bill.invoiceNumber() + "   issued " + bill.issuedOn(), false));
        Superbill.Patient patient = bill.patient();
        rows.add(new Row("Patient: " + patient.familyName() + ", " + patient.givenName() + "   date of birth " + patient.dateOfBirth()
                + "   id " + bill.patientId(), true));
        Superbill.Address address = patient.address();
        rows.add(new Row(address == null ? "Address: not given" : "Address: " + address.line1() + (address.line2() == null ? ""
                : ", " + address.line2()) + ", " + address.city() + ", " + address.state() + " " + address.postalCode(), false));
        Insured insured = bill.insured();
        rows.add(new Row(insured == null ? "Coverage: " + bill.payer() : "Insurance: " + insured.payerName() + "   member "
                + insured.memberId() + (insured.groupNumber() == null ? "" : "   group " + insured.groupNumber()), false));
        if (insured != null) {
            rows.add(new Row("Insured: " + insured.insuredName() + "   date of birth " + insured.insuredDateOfBirth()
                    + "   patient's relationship to insured: " + insured.relationship(), false));
        }
        rows.add(new Row("Diagnosis (ICD-10-CM): " + String.join(", ", bill.diagnosisCodes()), false));
        rows.add(new Row("", false));
        rows.add(new Row("Date of service | Code | Modifier | Units | NDC | mg | Amount " + bill.currency(), true));
        for (Superbill.Line line : bill.lines()) {
            rows.add(new Row(line.serviceDate() + " | " + line.code() + " | " + dash(line.modifier()) + " | " + line.units() + " | "
                    + dash(line.ndc()) + " | " + (line.mg() == null ? "-" : line.mg().stripTrailingZeros().toPlainString()) + " | "
                    + money(line.amount()) + (line.paidByPackage() ? " (paid by package credit)" : ""), false));
        }
        rows.add(new Row("", false));
        rows.add(new Row("Total charged: " + money(bill.charged()) + " " + bill.currency(), true));
        rows.add(new Row("Credited: " + money(bill.credited()) + "   Paid: " + money(bill.paid()) + "   Balance: "
                + money(bill.balance()), false));
        return rows;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** The standard fonts encode WinAnsi only: anything else prints as '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? (char) cp : '?'));
        return out.toString();
    }
}
