package io.vocstream.complaints;

import java.util.List;

/** One page of the complaint ids behind an aggregate, newest opening first; {@code total} counts every page. */
public record ComplaintIdPage(long total, int page, int size, List<ComplaintIdRow> ids) {
}
