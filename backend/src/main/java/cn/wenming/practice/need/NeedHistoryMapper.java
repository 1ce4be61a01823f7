package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface NeedHistoryMapper extends BaseMapper<NeedHistory> {

	/** The timelines of many needs in one query, each in order. */
	default List<NeedHistory> ofNeeds(Collection<Long> needIds) {
		return needIds.isEmpty() ? List.of()
				: selectList(Wrappers.lambdaQuery(NeedHistory.class)
					.in(NeedHistory::getNeedId, needIds)
					.orderByAsc(NeedHistory::getNeedId, NeedHistory::getId));
	}

}
