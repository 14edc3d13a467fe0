package org.hdbn.examples.data;

/**
 * What the data set says about one song ({@code song_meta_info.json}).
 *
 * @param originalId the song's id in the source data (LJ2M)
 * @param year       the release year as published, e.g. {@code "2004"}
 */
public record SongInfo(String originalId, String artist, String title, String genre, String year) {
}
