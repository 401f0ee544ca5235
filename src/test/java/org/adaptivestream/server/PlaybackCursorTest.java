package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.Rung;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.Test;

/** The pacing schedule on a fake clock: no threads, no sockets. */
class PlaybackCursorTest {

    private final PreloadedVideo video = TestVideos.catalog().find("beta").orElseThrow();
    private static final long T0 = 1_000_000_000L;

    @Test
    void peek_dueTimesFollowTimestampsInRealTime() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        PlaybackCursor.Next first = cursor.peek();
        assertThat(first.configFirst()).isTrue();
        assertThat(first.packet().keyframe()).isTrue();
        assertThat(first.dueWallMicros()).isEqualTo(T0);
        cursor.advance();
        PlaybackCursor.Next second = cursor.peek();
        assertThat(second.configFirst()).isFalse();
        assertThat(second.dueWallMicros() - T0).isEqualTo(second.packet().ptsMicros());
    }

    @Test
    void requestRung_takesEffectAtNextGopKeyframe() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        cursor.advance();
        cursor.requestRung(Rung.R1080P);
        int sentIn240 = 1;
        while (cursor.peek().rung() == Rung.R240P) {
            cursor.advance();
            sentIn240++;
        }
        PlaybackCursor.Next switched = cursor.peek();
        assertThat(sentIn240).isEqualTo(video.rendition(Rung.R240P).gop(0).size());
        assertThat(switched.packet().keyframe()).isTrue();
        assertThat(switched.configFirst()).isTrue();
        assertThat(switched.packet().ptsMicros()).isEqualTo(video.gopStartMicros(1));
    }

    @Test
    void loop_continuesTheTimelinePastTheEnd() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, true, 0, T0);
        int packets = video.rendition(Rung.R240P).packets().size();
        for (int i = 0; i < packets; i++) {
            cursor.advance();
        }
        PlaybackCursor.Next again = cursor.peek();
        assertThat(again.packet().ptsMicros()).isZero();
        assertThat(again.timelinePtsMicros()).isEqualTo(video.durationMicros());
        assertThat(cursor.ended()).isFalse();
    }

    @Test
    void noLoop_endsAfterLastPacket() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        int packets = video.rendition(Rung.R240P).packets().size();
        for (int i = 0; i < packets; i++) {
            assertThat(cursor.peek()).isNotNull();
            cursor.advance();
        }
        assertThat(cursor.peek()).isNull();
        assertThat(cursor.ended()).isTrue();
    }

    @Test
    void pauseResume_shiftsTheScheduleByThePause() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        cursor.advance();
        long due = cursor.peek().dueWallMicros();
        cursor.pause(T0 + 10_000);
        assertThat(cursor.peek()).isNull();
        cursor.resume(T0 + 2_010_000);
        assertThat(cursor.peek().dueWallMicros()).isEqualTo(due + 2_000_000);
    }

    @Test
    void seek_startsAtTheKeyframeAtOrBeforeThePosition() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R480P, false, 0, T0);
        cursor.seek(1_700_000, T0 + 5);
        PlaybackCursor.Next next = cursor.peek();
        assertThat(next.packet().keyframe()).isTrue();
        assertThat(next.packet().ptsMicros()).isEqualTo(video.gopStartMicros(video.gopAt(1_700_000)));
        assertThat(next.dueWallMicros()).isEqualTo(T0 + 5);
        assertThat(next.configFirst()).isTrue();
    }

    @Test
    void skipIfLate_jumpsToTheGopDueNow() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, true, 0, T0);
        assertThat(cursor.skipIfLate(T0 + 100_000, 2_000_000)).isZero();
        int skipped = cursor.skipIfLate(T0 + 2_600_000, 2_000_000);
        assertThat(skipped).isPositive();
        PlaybackCursor.Next next = cursor.peek();
        assertThat(next.packet().keyframe()).isTrue();
        assertThat(next.dueWallMicros()).isGreaterThanOrEqualTo(T0 + 2_600_000);
        assertThat(cursor.backlog(T0 + 2_600_000).packets()).isLessThanOrEqualTo(1);
        assertThat(cursor.backlog(T0 + 3_000_000).packets()).isPositive();
    }
}
