package io.adalab.api;

/**
 * Where a method comes from.
 *
 * @param authors e.g. {@code "Kingma, Ba"}
 * @param year    publication year
 * @param title   paper title
 * @param arxiv   arXiv id such as {@code "1412.6980"}, or empty
 * @param venue   e.g. {@code "ICLR 2015"}, or empty
 */
public record PaperReference(String authors, int year, String title, String arxiv, String venue) {

    /** A reference with an arXiv id. */
    public static PaperReference arxiv(String authors, int year, String title, String arxivId, String venue) {
        return new PaperReference(authors, year, title, arxivId, venue);
    }

    /** One line: authors (year), title, venue, arXiv id. */
    public String citation() {
        StringBuilder s = new StringBuilder(authors).append(" (").append(year).append("). ").append(title);
        if (!venue.isEmpty()) {
            s.append(". ").append(venue);
        }
        if (!arxiv.isEmpty()) {
            s.append(". arXiv:").append(arxiv);
        }
        return s.toString();
    }
}
