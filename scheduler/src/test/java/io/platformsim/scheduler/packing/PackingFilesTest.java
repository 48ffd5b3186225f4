package io.platformsim.scheduler.packing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackingFilesTest {

  @Test
  void readsBppWithCrlfAndLeadingSpaces() {
    PackingInstance in = PackingFiles.readBpp("a.txt", "3\r\n 10\r\n  7\r\n4\r\n\t4 \r\n\r\n");
    assertEquals(3, in.itemCount());
    assertEquals(10, in.capacity(0));
    assertEquals(7, in.size(0, 0));
    assertEquals(4, in.size(2, 0));
    assertEquals("a.txt", in.name());
  }

  private static String bppError(String text) {
    return assertThrows(PackingFileException.class, () -> PackingFiles.readBpp("f.txt", text))
        .getMessage();
  }

  @Test
  void bppErrorsNameFileLineAndField() {
    assertEquals(
        "f.txt line 4, item 2 size: 'x1' is not an integer", bppError("3\n10\n5\nx1\n5\n"));
    // A short file is reported at its last line.
    assertEquals(
        "f.txt line 3, item 2 size: missing: the file ends after 1 of the 3 announced",
        bppError("3\n10\n5\n"));
    assertEquals(
        "f.txt line 5, end of data: found '6' after the 2 item sizes announced on line 1",
        bppError("2\n10\n5\n5\n6\n"));
    assertEquals(
        "f.txt line 3, item 1 size: 11 is larger than the bin capacity 10",
        bppError("1\n10\n11\n"));
    assertEquals(
        "f.txt line 3, item 1 size: must not be negative, got -1", bppError("1\n10\n-1\n"));
    assertEquals(
        "f.txt line 2, bin capacity: '99999999999999999999' does not fit in a 64-bit " + "integer",
        bppError("1\n99999999999999999999\n1\n"));
    assertEquals("f.txt line 2, bin capacity: must be positive, got 0", bppError("1\n0\n"));
    assertEquals("f.txt line 1, number of items: must not be negative, got -3", bppError("-3\n"));
    assertEquals("f.txt line 1, number of items: '2.5' is not an integer", bppError("2.5\n10\n"));
    assertEquals("f.txt, number of items: missing: the file ends (it is empty)", bppError(""));
    // A wildly wrong count is reported without allocating for it.
    assertEquals(
        "f.txt line 4, item 3 size: missing: the file ends after 2 of the 40000000 " + "announced",
        bppError("40000000\n10\n5\n5\n"));
  }

  @Test
  void readsVbpExpandingDemands() {
    PackingInstance in = PackingFiles.readVbp("v.vbp", "2\n10 20\n2\n1 2 3\n4 5 1\n");
    assertEquals(2, in.dimensions());
    assertEquals(4, in.itemCount());
    assertEquals(20, in.capacity(1));
    assertEquals(2, in.size(2, 1));
    assertEquals(5, in.size(3, 1));
    PackingFileException e =
        assertThrows(
            PackingFileException.class,
            () -> PackingFiles.readVbp("v.vbp", "2\n10 20\n1\n1 21 1\n"));
    assertEquals(
        "v.vbp line 4, item type 1 size 2: 21 is larger than the bin capacity 20", e.getMessage());
    assertEquals(4, e.line());
    assertEquals("v.vbp", e.file());
    assertEquals("item type 1 size 2", e.field());
    e =
        assertThrows(
            PackingFileException.class,
            () -> PackingFiles.readVbp("v.vbp", "2\n10 20\n1\n1 2 10000001\n"));
    assertEquals(
        "v.vbp line 4, item type 1 demand: more than 20000000 sizes in total "
            + "(items × dimensions)",
        e.getMessage());
  }

  @Test
  void readsOrLibraryProblems() {
    String text = "2\n u1 \n 10 2 1\n 6\n 4\n u2\n 10 1 1\n 3\n";
    List<PackingInstance> list = PackingFiles.readOrLibrary("b.txt", text);
    assertEquals(2, list.size());
    assertEquals("u1", list.get(0).name());
    assertEquals(4, list.get(0).size(1, 0));
    assertEquals(1, list.get(1).itemCount());
  }
}
