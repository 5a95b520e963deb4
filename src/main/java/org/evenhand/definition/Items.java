package org.evenhand.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A list of a draft's items (clauses, factors, not-abuse entries) with one put in, replaced or taken out by id. */
final class Items {

    private Items() {
    }

    /** The list with {@code item} in place of the one whose id is {@code original}, or added at the end (original null or gone). */
    static <T> List<T> put(List<T> items, String original, T item, Function<T, String> id) {
        List<T> out = new ArrayList<>(items);
        int at = indexOf(items, original, id);
        if (at >= 0) {
            out.set(at, item);
        } else {
            out.add(item);
        }
        return out;
    }

    static <T> List<T> without(List<T> items, String original, Function<T, String> id) {
        return items.stream().filter(i -> original == null || !original.equals(id.apply(i))).toList();
    }

    /** Where {@link #put} puts the item: in place of the original, or at the end. */
    static <T> int at(List<T> items, String original, Function<T, String> id) {
        int at = indexOf(items, original, id);
        return at >= 0 ? at : items.size();
    }

    private static <T> int indexOf(List<T> items, String original, Function<T, String> id) {
        for (int i = 0; original != null && i < items.size(); i++) {
            if (original.equals(id.apply(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
