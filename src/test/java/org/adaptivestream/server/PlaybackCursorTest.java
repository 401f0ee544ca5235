package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaptivestream.media.EncodedPacket;
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

    /** Sends the next {@code count} packets each at its due time; returns the time of the last send. */
    private static long sendInRealTime(PlaybackCursor cursor, int count) {
        long now = 0;
        for (int i = 0; i < count; i++) {
            now = cursor.peek().dueWallMicros();
            cursor.advance();
        }
        return now;
    }

    @Test
    void dropNextGop_midGop_finishesThisGop_leavesTheNextUnsent_andSendsTheOneAfterOnSchedule() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, true, 0, T0);
        sendInRealTime(cursor, 3);

        cursor.dropNextGop();
        cursor.dropNextGop(); // asked twice before it starts: still one GOP
        int rest = video.rendition(Rung.R240P).gop(0).size() - 3;
        sendInRealTime(cursor, rest);
        PlaybackCursor.Next next = cursor.peek();

        assertThat(next.packet().keyframe()).isTrue();
        assertThat(next.timelinePtsMicros()).isEqualTo(video.gopStartMicros(2));
        assertThat(next.dueWallMicros()).isEqualTo(T0 + video.gopStartMicros(2));
        assertThat(next.configFirst()).as("the same rung needs no new configuration").isFalse();
        cursor.advance();
        assertThat(cursor.peek().timelinePtsMicros()).as("and nothing more is dropped")
                .isGreaterThan(video.gopStartMicros(2));
    }

    @Test
    void dropNextGop_beforeAGopStarts_dropsThatOne_andASeekForgetsIt() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, true, 0, T0);

        cursor.dropNextGop();
        assertThat(cursor.peek().timelinePtsMicros()).isEqualTo(video.gopStartMicros(1));

        cursor.dropNextGop();
        cursor.seek(0, T0 + 5_000_000);
        assertThat(cursor.peek().timelinePtsMicros()).isZero();
    }

    @Test
    void requestRung_midGop_resendsTheGopFromTheNewRungsKeyframeAtOnceThenKeepsTheSchedule() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        long now = sendInRealTime(cursor, 2);
        PlaybackCursor.Next nextOld = cursor.peek();

        assertThat(cursor.requestRung(Rung.R1080P, now + 1_000)).isEqualTo(PlaybackCursor.SwitchMode.CATCH_UP);

        List<EncodedPacket> newGop = video.rendition(Rung.R1080P).gop(0);
        PlaybackCursor.Next keyframe = cursor.peek();
        assertThat(keyframe.rung()).isEqualTo(Rung.R1080P);
        assertThat(keyframe.configFirst()).isTrue();
        assertThat(keyframe.packet()).isSameAs(newGop.get(0));
        assertThat(keyframe.packet().keyframe()).isTrue();
        assertThat(keyframe.dueWallMicros()).as("the catch-up is already due").isLessThanOrEqualTo(now);
        cursor.advance();
        PlaybackCursor.Next second = cursor.peek();
        assertThat(second.packet()).isSameAs(newGop.get(1));
        assertThat(second.configFirst()).isFalse();
        assertThat(second.dueWallMicros()).isLessThanOrEqualTo(now);
        cursor.advance();
        PlaybackCursor.Next live = cursor.peek();
        assertThat(live.rung()).isEqualTo(Rung.R1080P);
        assertThat(live.packet().ptsMicros()).as("then the new rung goes on where the old one was")
                .isEqualTo(nextOld.packet().ptsMicros());
        assertThat(live.dueWallMicros()).isEqualTo(nextOld.dueWallMicros());
    }

    @Test
    void requestRung_catchUpIsSentStraightAway_andCountsAsBacklogUntilSent() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        long now = sendInRealTime(cursor, 3);
        assertThat(cursor.backlog(now).packets()).isZero();
        cursor.requestRung(Rung.R720P, now);
        assertThat(cursor.backlog(now).packets()).isEqualTo(3);
        long catchUpBytes = video.rendition(Rung.R720P).gop(0).subList(0, 3).stream().mapToLong(EncodedPacket::size).sum();
        assertThat(cursor.backlog(now).bytes()).isEqualTo(catchUpBytes);
    }

    @Test
    void requestRung_upSwitchWithTheNextKeyframeNear_waitsForIt() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        int gopSize = video.rendition(Rung.R240P).gop(0).size();
        long now = sendInRealTime(cursor, gopSize - 3);
        long keyframeIn = T0 + video.gopStartMicros(1) - now;
        assertThat(keyframeIn).isLessThan(PlaybackCursor.MAX_KEYFRAME_WAIT_MICROS);

        assertThat(cursor.requestRung(Rung.R1080P, now)).isEqualTo(PlaybackCursor.SwitchMode.NEXT_KEYFRAME);

        int sentIn240 = gopSize - 3;
        while (cursor.peek().rung() == Rung.R240P) {
            cursor.advance();
            sentIn240++;
        }
        PlaybackCursor.Next switched = cursor.peek();
        assertThat(sentIn240).isEqualTo(gopSize);
        assertThat(switched.packet().keyframe()).isTrue();
        assertThat(switched.configFirst()).isTrue();
        assertThat(switched.packet().ptsMicros()).isEqualTo(video.gopStartMicros(1));
    }

    @Test
    void requestRung_upSwitchWithTheNextKeyframeFar_goesAtOnce() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        long now = sendInRealTime(cursor, 1);
        assertThat(T0 + video.gopStartMicros(1) - now).isGreaterThan(PlaybackCursor.MAX_KEYFRAME_WAIT_MICROS);
        assertThat(cursor.requestRung(Rung.R1080P, now)).isEqualTo(PlaybackCursor.SwitchMode.CATCH_UP);
    }

    @Test
    void requestRung_downSwitchLateInTheGop_goesAtOnceWhileTheCatchUpIsSmallerThanTheRestOfTheOldGop() {
        // 1080p → 240p two frames before the keyframe: 240p's GOP so far is smaller than 1080p's last two frames.
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R1080P, false, 0, T0);
        List<EncodedPacket> oldGop = video.rendition(Rung.R1080P).gop(0);
        long now = sendInRealTime(cursor, oldGop.size() - 2);
        long rest = oldGop.get(oldGop.size() - 2).size() + oldGop.get(oldGop.size() - 1).size();
        long catchUp = video.rendition(Rung.R240P).gop(0).subList(0, oldGop.size() - 2).stream()
                .mapToLong(EncodedPacket::size).sum();
        assertThat(catchUp).as("precondition").isLessThan(rest);
        assertThat(cursor.requestRung(Rung.R240P, now)).isEqualTo(PlaybackCursor.SwitchMode.CATCH_UP);
    }

    @Test
    void requestRung_downSwitchAtTheLastFrame_waitsWhenTheCatchUpOutweighsIt() {
        // 720p → 480p before the GOP's last frame: 480p's GOP so far is far bigger than that one 720p frame.
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R720P, false, 0, T0);
        List<EncodedPacket> oldGop = video.rendition(Rung.R720P).gop(0);
        long now = sendInRealTime(cursor, oldGop.size() - 1);
        long catchUp = video.rendition(Rung.R480P).gop(0).subList(0, oldGop.size() - 1).stream()
                .mapToLong(EncodedPacket::size).sum();
        assertThat(catchUp).as("precondition").isGreaterThan(oldGop.get(oldGop.size() - 1).size());
        assertThat(cursor.requestRung(Rung.R480P, now)).isEqualTo(PlaybackCursor.SwitchMode.NEXT_KEYFRAME);
        cursor.advance();
        assertThat(cursor.peek().rung()).isEqualTo(Rung.R480P);
        assertThat(cursor.peek().packet().ptsMicros()).isEqualTo(video.gopStartMicros(1));
    }

    @Test
    void requestRung_atAGopBoundary_startsTheNewRungWithThatKeyframe() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        long now = sendInRealTime(cursor, video.rendition(Rung.R240P).gop(0).size());
        assertThat(cursor.requestRung(Rung.R720P, now)).isEqualTo(PlaybackCursor.SwitchMode.AT_KEYFRAME);
        PlaybackCursor.Next next = cursor.peek();
        assertThat(next.rung()).isEqualTo(Rung.R720P);
        assertThat(next.configFirst()).isTrue();
        assertThat(next.packet().ptsMicros()).isEqualTo(video.gopStartMicros(1));
        assertThat(next.dueWallMicros()).isEqualTo(T0 + video.gopStartMicros(1));
    }

    @Test
    void requestRung_whilePaused_waitsForTheNextKeyframe() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        long now = sendInRealTime(cursor, 2);
        cursor.pause(now);
        assertThat(cursor.requestRung(Rung.R1080P, now)).isEqualTo(PlaybackCursor.SwitchMode.NEXT_KEYFRAME);
        cursor.resume(now + 1_000_000);
        assertThat(cursor.peek().rung()).isEqualTo(Rung.R240P);
        assertThat(cursor.peek().configFirst()).isFalse();
    }

    @Test
    void requestRung_currentRung_cancelsAPendingSwitch() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, false, 0, T0);
        int gopSize = video.rendition(Rung.R240P).gop(0).size();
        long now = sendInRealTime(cursor, gopSize - 1);
        assertThat(cursor.requestRung(Rung.R1080P, now)).isEqualTo(PlaybackCursor.SwitchMode.NEXT_KEYFRAME);
        assertThat(cursor.requestRung(Rung.R240P, now)).isEqualTo(PlaybackCursor.SwitchMode.NONE);
        cursor.advance();
        assertThat(cursor.peek().rung()).isEqualTo(Rung.R240P);
        assertThat(cursor.peek().configFirst()).isFalse();
    }

    @Test
    void requestRung_inALaterLoopPass_catchesUpOnThatPassesTimeline() {
        PlaybackCursor cursor = new PlaybackCursor(video, Rung.R240P, true, 0, T0);
        long now = sendInRealTime(cursor, video.rendition(Rung.R240P).packets().size() + 2);
        assertThat(cursor.requestRung(Rung.R480P, now)).isEqualTo(PlaybackCursor.SwitchMode.CATCH_UP);
        PlaybackCursor.Next keyframe = cursor.peek();
        assertThat(keyframe.timelinePtsMicros()).isEqualTo(video.durationMicros());
        assertThat(keyframe.dueWallMicros()).isEqualTo(T0 + video.durationMicros());
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

    @Test
    void theSimulatorWaitsForANearKeyframe_asLongAsTheServerDoes() {
        assertThat(org.adaptivestream.evaluation.StreamingModel.MAX_KEYFRAME_WAIT_SECONDS * 1_000_000)
                .isEqualTo((double) PlaybackCursor.MAX_KEYFRAME_WAIT_MICROS);
    }
}
