package org.goldcommand.dashboard.live;

/** Something that receives a channel's changes as they happen. */
interface ChannelSubscriber {

  /** Called on the channel's context for each change. */
  void deliver(LiveChannel.Update update);
}
