package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface NeedCategoryMapper extends BaseMapper<NeedCategory> {

	default List<NeedCategory> listAll(boolean includeDisabled) {
		QueryWrapper<NeedCategory> query = new QueryWrapper<NeedCategory>().orderByAsc("sort_order", "id");
		if (!includeDisabled) {
			query.eq("enabled", 1);
		}
		return selectList(query);
	}

	default List<NeedCategory> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	default int maxSortOrder() {
		NeedCategory last = selectOne(new QueryWrapper<NeedCategory>().orderByDesc("sort_order").last("LIMIT 1"));
		return (last == null) ? 0 : last.getSortOrder();
	}

}
