package cn.wenming.practice.store;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.springframework.stereotype.Component;

/**
 * Where a redemption will probably find stock: a reward's shard levels as this instance last read
 * them (a plain read), kept for {@code app.points.redemption.reward-cache-ttl} and lowered by this
 * instance's own takes. In a burst every redemption read the same shard rows once more inside its
 * transaction; now one read a second does. Only a hint: the guarded take decides, and a take that
 * finds its shard short makes the caller {@link #forget} the reward and take from all shards under
 * their locks. A level lowered by a take that then rolled back, or not yet raised by a restock,
 * at worst steers a redemption away from a shard that has stock, until the next read.
 */
@Component
class ShardLevels {

	private final RewardMapper rewards;

	/** With a zero TTL every pick reads the shards. */
	private final RewardCache<Levels> cache;

	ShardLevels(RewardMapper rewards, RedemptionProperties properties) {
		this.rewards = rewards;
		this.cache = new RewardCache<>(properties);
	}

	/**
	 * A shard that held at least {@code quantity} when last seen, picked at random so a burst spreads
	 * over all of them; when none did, the shards are read again first. -1 when none holds enough.
	 */
	int pick(long rewardId, int quantity) {
		Levels levels = this.cache.get(rewardId, this::read);
		int shard = levels.pick(quantity);
		if (shard < 0 && this.cache.keeps()) {
			// Stock given back or restocked since the read; or the last items really are gone.
			levels = read(rewardId);
			this.cache.keep(rewardId, levels);
			shard = levels.pick(quantity);
		}
		return shard;
	}

	/** This instance took {@code quantity} from {@code shard}: later picks see it at once. */
	void took(long rewardId, int shard, int quantity) {
		Levels levels = this.cache.kept(rewardId);
		if (levels != null) {
			levels.lower(shard, quantity);
		}
	}

	/** The levels were wrong (a take found its shard short): the next pick reads them. */
	void forget(long rewardId) {
		this.cache.forget(rewardId);
	}

	private Levels read(long rewardId) {
		return Levels.of(this.rewards.shards(rewardId));
	}

	/** Shard numbers and their stock, index for index. */
	private record Levels(int[] shards, AtomicIntegerArray stock) {

		static Levels of(List<RewardMapper.Shard> rows) {
			int[] shards = new int[rows.size()];
			AtomicIntegerArray stock = new AtomicIntegerArray(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				shards[i] = rows.get(i).shard();
				stock.set(i, rows.get(i).stock());
			}
			return new Levels(shards, stock);
		}

		int pick(int quantity) {
			int enough = 0;
			for (int i = 0; i < this.shards.length; i++) {
				if (this.stock.get(i) >= quantity) {
					enough++;
				}
			}
			if (enough == 0) {
				return -1;
			}
			int nth = ThreadLocalRandom.current().nextInt(enough);
			for (int i = 0; i < this.shards.length; i++) {
				if (this.stock.get(i) >= quantity && nth-- == 0) {
					return this.shards[i];
				}
			}
			// Another thread lowered a level between the two passes: take the first that still has enough.
			for (int i = 0; i < this.shards.length; i++) {
				if (this.stock.get(i) >= quantity) {
					return this.shards[i];
				}
			}
			return -1;
		}

		void lower(int shard, int quantity) {
			for (int i = 0; i < this.shards.length; i++) {
				if (this.shards[i] == shard) {
					this.stock.addAndGet(i, -quantity);
					return;
				}
			}
		}

	}

}
